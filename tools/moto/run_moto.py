"""Start moto_server on loopback with the fixes the tests rely on.

moto 5.2.1 fails every StartExecution after the first with "cannot pickle '_thread.RLock'": it deep-copies the
StateMachine, which holds the backend (and its locks). Sharing the backend and starting a fresh executions list in
__deepcopy__ is what moto needs there (shared/DESIGN.md).

moto serves requests on threads but its DynamoDB backend has no locks: two conditional writes racing on one item can
both pass their condition, and a failed transaction restores a whole-table copy over a concurrent write. DynamoDB
guarantees atomic conditional writes and transactions, so every DynamoDB operation is serialised here.

Usage: python3 run_moto.py PORT
"""
import copy
import functools
import os
import sys
import threading

from moto.dynamodb.models import DynamoDBBackend
from moto.stepfunctions.models import StateMachine


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

if __name__ == "__main__":
    port = sys.argv[1] if len(sys.argv) > 1 else "5000"
    os.environ["MOTO_PORT"] = port
    from moto.server import main

    main(["-H", "127.0.0.1", "-p", port])
