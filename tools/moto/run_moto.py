"""Start moto_server on loopback with the fixes the tests rely on.

moto 5.2.1 fails every StartExecution after the first with "cannot pickle '_thread.RLock'": it deep-copies the
StateMachine, which holds the backend (and its locks). Sharing the backend and starting a fresh executions list in
__deepcopy__ is what moto needs there (docs/platform.md).

moto serves requests on threads but its DynamoDB backend has no locks: two conditional writes racing on one item can
both pass their condition, and a failed transaction restores a whole-table copy over a concurrent write. DynamoDB
guarantees atomic conditional writes and transactions, so every DynamoDB operation is serialised here. A transaction's
rollback backup is taken per item it writes, not as moto's deep copy of the whole table, which under that lock made a
burst of transactions on a table of a few thousand items queue for minutes.

moto 5.2.1's SendTaskFailure handler reads only taskToken and error and drops the request's cause, although its
executing backend takes one: a Catch on the failed task then sees {"Error": ..., "Cause": null}. AWS hands the caller's
cause to the Catch (ResultPath gets {"Error", "Cause"}), and the study-review template carries a clinician's rejection
reason forward that way. With the cause lost, the revision's next review gate writes the reason as {"S": null}, moto's
DynamoDB fails that putItem with an unhandled error whose response has no RequestId, and the execution dies with
States.Runtime KeyError('RequestId'). The handler here passes the cause on, as AWS does.

moto 5.2.1's optimised EventBridge integration (events:putEvents) turns an error response of the service (a missing
event bus, say) into States.Runtime, which no Retry on States.TaskFailed matches. On AWS, as in moto's own Lambda and
DynamoDB integrations, a service error fails the task with "<Service>.<ErrorCode>" (here EventBridge.<ErrorCode>), a
task failure that States.TaskFailed retries and a Catch handles; the integration here does the same.

moto 5.2.1's CloudFormation creates AWS::StepFunctions::StateMachine from DefinitionString alone, in the backend that
does not execute (so the state machine is invisible once execution is switched on), and ignores DefinitionS3Location,
DefinitionSubstitutions, StateMachineType, LoggingConfiguration and TracingConfiguration. CloudFormation reads the
definition from S3, replaces each ${Key} with its substitution, and creates the type, logging and tracing asked for;
the resource here does the same, in the backend the Step Functions API serves (deploy/review-workflows.yaml).

moto 5.2.1's stack update replaces a changed resource whose type it cannot update (a load balancer whose subnets
parameter was passed again, say) with None, after which the stack's outputs fail on every DescribeStacks. CloudFormation
updates such resources in place; here they keep their current state instead of vanishing.

moto 5.2.1 registers the new revision of an updated AWS::ECS::TaskDefinition with the template's PascalCase container
keys (Name, Image, ...), so DescribeTaskDefinition answers no name and no image after a redeploy; its create path
converts them to the API's camelCase, as AWS does for both. The update here converts them too.

moto 5.2.1 puts the execution's start into the context object as a Python datetime, although its own type says ISO 8601
text (as AWS's $$.Execution.StartTime is), so a Parameters field "S.$": "$$.Execution.StartTime" fails the task with
"Object of type datetime is not JSON serializable". The review gates write it as firstArrivedAt; here it is ISO 8601
text, formatted as moto formats $$.State.EnteredTime.

moto 5.2.1's ASL grammar predates Distributed Map's Express children and rejects a definition AWS accepts
("ExecutionType": "EXPRESS" in a ProcessorConfig, an integer ToleratedFailurePercentage). A Distributed Map definition
from CloudFormation is stored without that grammar check here (the draft-backfill template); moto cannot run it, and the
tests only describe it.

Usage: python3 run_moto.py PORT
"""
import copy
import datetime
import functools
import os
import sys
import threading

from botocore.exceptions import ClientError
from moto.cloudformation import parsing as cloudformation_parsing
from moto.core.responses import EmptyResult
from moto.core.utils import pascal_to_camelcase, remap_nested_keys
from moto.dynamodb import models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import Table as DynamoDbTable
from moto.ecs.models import TaskDefinition
from moto.stepfunctions.models import StateMachine, StepFunctionBackend
from moto.stepfunctions.parser.backend.execution_worker import ExecutionWorker
from moto.stepfunctions.parser.api import HistoryEventType, TaskFailedEventDetails
from moto.stepfunctions.parser.asl.component.common.error_name.custom_error_name import CustomErrorName
from moto.stepfunctions.parser.asl.component.common.error_name.failure_event import FailureEvent
from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_events import (
    StateTaskServiceEvents,
)
from moto.stepfunctions.parser.asl.eval.event.event_detail import EventDetails
from moto.stepfunctions.parser.models import StepFunctionsParserBackend
from moto.stepfunctions.responses import StepFunctionResponse, get_backend as _stepfunctions_backend


def _deepcopy_sharing_backend(self, memo):
    cls = self.__class__
    clone = cls.__new__(cls)
    memo[id(self)] = clone
    for key, value in self.__dict__.items():
        if key == "backend":
            setattr(clone, key, value)
        elif key == "executions":
            setattr(clone, key, [])
        else:
            setattr(clone, key, copy.deepcopy(value, memo))
    return clone


StateMachine.__deepcopy__ = _deepcopy_sharing_backend


def _send_task_failure_with_cause(self):
    backend = self.stepfunction_backend
    failure = {"error": self._get_param("error")}
    # Only the executing backend (Step Functions execution switched on) takes a cause; the other ignores failures.
    if isinstance(backend, StepFunctionsParserBackend):
        failure["cause"] = self._get_param("cause")
    backend.send_task_failure(self._get_param("taskToken"), **failure)
    return EmptyResult()


StepFunctionResponse.send_task_failure = _send_task_failure_with_cause


_events_from_error = StateTaskServiceEvents._from_error


def _events_service_error_as_task_failure(self, env, ex):
    if not isinstance(ex, ClientError):
        return _events_from_error(self, env, ex)
    error = f"EventBridge.{ex.response['Error']['Code']}"
    status = ex.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    cause = f"{ex.response['Error'].get('Message', '')} (Service: EventBridge; Status Code: {status})"
    return FailureEvent(
        env=env,
        error_name=CustomErrorName(error),
        event_type=HistoryEventType.TaskFailed,
        event_details=EventDetails(
            taskFailedEventDetails=TaskFailedEventDetails(
                error=error,
                cause=cause,
                resource=self._get_sfn_resource(),
                resourceType=self._get_sfn_resource_type(),
            )
        ),
    )


StateTaskServiceEvents._from_error = _events_service_error_as_task_failure


def _cfn_bool(value):
    return value if isinstance(value, bool) else str(value).lower() == "true"


def _cfn_definition(properties, account_id):
    location = properties.get("DefinitionS3Location")
    if location:
        from moto.s3.models import s3_backends

        stored = s3_backends[account_id]["aws"].get_object(location["Bucket"], location["Key"])
        definition = stored.value.decode("utf-8")
    else:
        definition = properties.get("DefinitionString", "")
    for key, value in (properties.get("DefinitionSubstitutions") or {}).items():
        definition = definition.replace("${" + key + "}", str(value))
    return definition


def _cfn_logging(properties):
    logging = properties.get("LoggingConfiguration")
    if not logging:
        return None
    return {
        "level": logging.get("Level", "OFF"),
        "includeExecutionData": _cfn_bool(logging.get("IncludeExecutionData", False)),
        "destinations": [
            {"cloudWatchLogsLogGroup": {"logGroupArn": d["CloudWatchLogsLogGroup"]["LogGroupArn"]}}
            for d in logging.get("Destinations", [])
        ],
    }


def _cfn_tracing(properties):
    tracing = properties.get("TracingConfiguration")
    return {"enabled": _cfn_bool(tracing.get("Enabled", False))} if tracing else None


def _uses_distributed_map(definition):
    return '"DISTRIBUTED"' in definition.replace(" ", "")


def _creator_for(backend, definition):
    if _uses_distributed_map(definition) and isinstance(backend, StepFunctionsParserBackend):
        return functools.partial(StepFunctionBackend.create_state_machine, backend)
    return backend.create_state_machine


def _updater_for(backend, definition):
    if definition is not None and _uses_distributed_map(definition) and isinstance(backend, StepFunctionsParserBackend):
        return functools.partial(StepFunctionBackend.update_state_machine, backend)
    return backend.update_state_machine


@classmethod
def _create_state_machine_from_cfn(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json["Properties"]
    backend = _stepfunctions_backend(account_id, region_name)
    definition = _cfn_definition(properties, account_id)
    machine = _creator_for(backend, definition)(
        properties.get("StateMachineName", resource_name),
        definition,
        properties.get("RoleArn", ""),
        tags=[{"key": t["Key"], "value": t["Value"]} for t in properties.get("Tags", [])],
        loggingConfiguration=_cfn_logging(properties),
        tracingConfiguration=_cfn_tracing(properties),
    )
    machine.type = properties.get("StateMachineType", "STANDARD")
    return machine


@classmethod
def _update_state_machine_from_cfn(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    properties = cloudformation_json.get("Properties", {})
    backend = _stepfunctions_backend(account_id, region_name)
    definition = _cfn_definition(properties, account_id)
    machine = _updater_for(backend, definition)(
        original_resource.arn,
        definition=definition,
        role_arn=properties.get("RoleArn"),
        logging_configuration=_cfn_logging(properties),
        tracing_configuration=_cfn_tracing(properties),
    )
    machine.type = properties.get("StateMachineType", machine.type)
    return machine


@classmethod
def _delete_state_machine_from_cfn(cls, resource_name, cloudformation_json, account_id, region_name):
    _stepfunctions_backend(account_id, region_name).delete_state_machine(resource_name)


StateMachine.create_from_cloudformation_json = _create_state_machine_from_cfn
StateMachine.update_from_cloudformation_json = _update_state_machine_from_cfn
StateMachine.delete_from_cloudformation_json = _delete_state_machine_from_cfn


_update_resource = cloudformation_parsing.parse_and_update_resource


def _update_resource_or_keep(logical_id, resource_json, resources_map, account_id, region_name):
    updated = _update_resource(logical_id, resource_json, resources_map, account_id, region_name)
    return updated if updated is not None else resources_map[logical_id]


cloudformation_parsing.parse_and_update_resource = _update_resource_or_keep


_update_task_definition = TaskDefinition.update_from_cloudformation_json.__func__


@classmethod
def _update_task_definition_in_camel_case(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    properties = cloudformation_json["Properties"]
    properties["ContainerDefinitions"] = remap_nested_keys(properties.get("ContainerDefinitions", []), pascal_to_camelcase)
    return _update_task_definition(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)


TaskDefinition.update_from_cloudformation_json = _update_task_definition_in_camel_case


class _CopyKeepingTablesInPlace:
    """The copy module as moto's DynamoDB models see it, except that a Table "deep-copies" to itself.

    moto 5.2.1's transact_write_items backs up every table a transaction names with copy.deepcopy, once per item of
    the transaction, before it applies anything, and puts the copy back if an item fails. That backup is the whole
    table: about 0.4 s of CPU per copy at 1,000 items, two per two-item transaction, all under the DynamoDB lock below.
    With a few hundred tasks and their audit entries, a burst of claims queued minutes of copying, and a GetItem behind
    them got no answer within the client's 60 s on any attempt (DecisionRaceTests on DynamoDB). The backup is taken
    per item by _transaction_restoring_its_items instead, which is enough because the lock keeps every other request
    out of the table while a transaction runs.
    """

    def __getattr__(self, name):
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, DynamoDbTable) else copy.deepcopy(value, memo)


dynamodb_models.copy = _CopyKeepingTablesInPlace()


def _transaction_item_key(backend, op_type, op):
    table = backend.tables.get(op.get("TableName"))
    if table is None or op_type == "ConditionCheck":
        return None
    if op_type != "Put":
        return op.get("Key")
    names = [name for name in (table.hash_key_attr, table.range_key_attr) if name is not None]
    item = op.get("Item", {})
    return {name: item[name] for name in names} if all(name in item for name in names) else None


def _transaction_restoring_its_items(transact_write_items):
    """Saves the items a transaction writes before it runs and puts them back as they were if it fails."""

    @functools.wraps(transact_write_items)
    def run(self, transact_items):
        saved = []
        for entry in transact_items[:100]:
            op_type, op = next(iter(entry.items()))
            key = _transaction_item_key(self, op_type, op)
            if key is None:
                continue
            try:
                current = self.get_item(op["TableName"], key)
            except Exception:  # a malformed key: the transaction itself refuses it, before writing anything
                continue
            saved.append((op["TableName"], key, None if current is None else current.to_json()["Attributes"]))
        try:
            return transact_write_items(self, transact_items)
        except Exception:
            for table_name, key, attributes in reversed(saved):
                if attributes is None:
                    self.delete_item(table_name, key)
                else:
                    self.put_item(table_name, attributes)
            raise

    return run


DynamoDBBackend.transact_write_items = _transaction_restoring_its_items(DynamoDBBackend.transact_write_items)


_dynamodb_lock = threading.RLock()


def _serialised(method):
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with _dynamodb_lock:
            return method(self, *args, **kwargs)

    return run


for _name in (
    "put_item",
    "update_item",
    "delete_item",
    "get_item",
    "query",
    "scan",
    "transact_write_items",
    "transact_get_items",
    "batch_get_item",
):
    setattr(DynamoDBBackend, _name, _serialised(getattr(DynamoDBBackend, _name)))

def _context_start_time_as_text(get_environment):
    @functools.wraps(get_environment)
    def run(self):
        env = get_environment(self)
        execution = env.states.context_object.context_object_data["Execution"]
        start = execution.get("StartTime")
        if isinstance(start, datetime.datetime):
            execution["StartTime"] = (start if start.tzinfo else start.replace(tzinfo=datetime.timezone.utc)).isoformat()
        return env

    return run


ExecutionWorker._get_evaluation_environment = _context_start_time_as_text(ExecutionWorker._get_evaluation_environment)

if __name__ == "__main__":
    port = sys.argv[1] if len(sys.argv) > 1 else "5000"
    os.environ["MOTO_PORT"] = port
    from moto.server import main

    main(["-H", "127.0.0.1", "-p", port])
