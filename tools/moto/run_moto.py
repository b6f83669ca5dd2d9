"""Start moto_server on loopback with the fixes the tests rely on.

moto 5.2.1 fails every StartExecution after the first with "cannot pickle '_thread.RLock'": it deep-copies the
StateMachine, which holds the backend (and its locks). Sharing the backend and starting a fresh executions list in
__deepcopy__ is what moto needs there (shared/DESIGN.md). Usage: python3 run_moto.py PORT
"""
import copy
import os
import sys

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

if __name__ == "__main__":
    port = sys.argv[1] if len(sys.argv) > 1 else "5000"
    os.environ["MOTO_PORT"] = port
    from moto.server import main

    main(["-H", "127.0.0.1", "-p", port])
