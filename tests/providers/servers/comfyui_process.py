"""A ComfyUI test server in its own process, so a test can SIGKILL it like a crashed GPU box.

``python -m tests.providers.servers.comfyui_process STEPS`` prints the server's URL on the
first line of stdout and serves until killed.
"""

from __future__ import annotations

import sys
import time

from tests.providers.servers.comfyui import ComfyUIServer


def main() -> None:
    server = ComfyUIServer()
    server.polls_to_finish = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    server.start()
    print(server.url, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
