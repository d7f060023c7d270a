"""Child processes that never outlive the run that started them.

A ``kill -9`` of ``ingest`` gives its worker processes no chance to be told; on
Linux each child asks the kernel to kill it when its parent dies
(``prctl(PR_SET_PDEATHSIG, SIGKILL)``). Elsewhere the children notice a closed
pipe on their next call.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

#: ``PR_SET_PDEATHSIG`` from ``<sys/prctl.h>``.
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Have this process killed when its parent exits (Linux; a no-op elsewhere).

    Call it first thing in a child. If the parent is already gone, exit now.
    """
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took hold
        os._exit(1)
