"""Probes of the sandbox: each kind tries one thing a confined handler must not be able to do."""

import os

from tasker import StepHandler


def _read(path):
    with open(path) as file:
        return file.read()


def _socket():
    import socket
    connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    connection.connect(("127.0.0.1", 9))
    connection.close()
    return "connected"


def _process():
    import subprocess
    return subprocess.run(["true"]).returncode


def _java_system():
    import java
    return java.type("java.lang.System").getProperty("user.home")


def _thread():
    import threading
    thread = threading.Thread(target=lambda: None)
    thread.start()
    thread.join()
    return "started"


PROBES = {
    "read_passwd": lambda context: _read("/etc/passwd"),
    "read_file": lambda context: _read(context["path"]),
    "write_handler_root": lambda context: open(context["path"], "w").write("overwritten"),
    "socket": lambda context: _socket(),
    "process": lambda context: _process(),
    "java_system": lambda context: _java_system(),
    "thread": lambda context: _thread(),
    "environment": lambda context: dict(os.environ).get("PATH"),
}


class Probe(StepHandler):
    def process(self, task, sequence, step):
        return {"outcome": PROBES[self.config["probe"]](task.context)}
