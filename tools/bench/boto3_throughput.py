"""Drives a Step Functions endpoint with boto3, as a user's script would: creates the state machine in the given
file, starts N executions, polls each until it ends, and prints {"executions": N, "seconds": S} (the wall time from
the first start to the last end). Used by `ReviewerPortal.Benchmarks -- engine` against the local engine and moto."""
import json
import sys
import time

import boto3


def main(endpoint, executions, definition_file):
    client = boto3.client("stepfunctions", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    with open(definition_file, encoding="utf-8") as fh:
        definition = fh.read()
    machine = client.create_state_machine(name=f"boto3-{int(time.time() * 1000)}", definition=definition,
                                          roleArn="arn:aws:iam::123456789012:role/bench")["stateMachineArn"]
    started_at = time.perf_counter()
    arns = [client.start_execution(stateMachineArn=machine, name=f"boto3-{i}",
                                   input=json.dumps({"caseId": f"case-{i}", "n": i % 10}))["executionArn"]
            for i in range(executions)]
    for arn in arns:
        while True:
            status = client.describe_execution(executionArn=arn)["status"]
            if status != "RUNNING":
                if status != "SUCCEEDED":
                    raise SystemExit(f"{arn} ended {status}")
                break
            time.sleep(0.005)
    print(json.dumps({"executions": executions, "seconds": time.perf_counter() - started_at}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
