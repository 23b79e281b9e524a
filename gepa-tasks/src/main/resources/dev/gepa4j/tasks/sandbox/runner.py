# gepa4j sandbox runner. Started by dev.gepa4j.tasks.sandbox.PythonSandbox inside a fresh rollout folder:
#   python3 -I -S runner.py <cpu_seconds> <address_space_bytes> <file_size_bytes> <processes> <guards 0|1> <host_home>
# It reads a one-line completion token from stdin, sets the resource limits (they apply to this process and are
# inherited by every process it starts; the process limit counts all processes of this user id), optionally
# installs the Python-level guards (an audit hook: a best-effort layer on top of what the OS enforces), runs
# program.py and, only when that finished without an exception, prints the token: a program that exits early
# (sys.exit(0), os._exit(0)) never prints it and so never counts as passed.
import os
import resource
import sys
import traceback

token = sys.stdin.readline().strip()
sys.stdin.close()
cpu, address_space, file_size, processes, guards, host_home = sys.argv[1:7]
folder = os.path.realpath(os.getcwd())


def limit(which, value, grace=0):
    """Sets soft = value and hard = value + grace, never above a hard limit already in force (that would fail)."""
    value = int(value)
    if value > 0:
        hard = resource.getrlimit(which)[1]
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
            grace = min(grace, hard - value)
        resource.setrlimit(which, (value, value + grace))


resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
limit(resource.RLIMIT_FSIZE, file_size)
limit(resource.RLIMIT_NPROC, processes)
limit(resource.RLIMIT_AS, address_space)
limit(resource.RLIMIT_CPU, cpu, grace=1)  # SIGXCPU at the soft limit, SIGKILL one second later

with open("program.py", encoding="utf-8") as f:
    source = f.read()
try:
    code = compile(source, "program.py", "exec")
except SyntaxError:
    traceback.print_exc(limit=0)
    sys.exit(1)


def inside(path):
    try:
        if isinstance(path, int):
            return True
        path = os.fsdecode(path)
        full = os.path.realpath(os.path.join(folder, path))
        return full == folder or full.startswith(folder + os.sep) or full == "/dev/null"
    except Exception:
        return False


def protected(path):
    if isinstance(path, int):
        return False
    full = os.path.realpath(os.path.join(folder, os.fsdecode(path)))
    if any(full.startswith(p + os.sep) for p in PYTHON_HOMES):
        return False
    if "/.ssh" in full or (host_home not in ("", "/") and (full == host_home or full.startswith(host_home + os.sep))):
        return True
    parts = full.split(os.sep)
    return len(parts) >= 4 and parts[1] == "proc" and parts[3] == "environ" and parts[2] not in ("self", str(os.getpid()))


PYTHON_HOMES = {os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix)}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
PATH_EVENTS = {"os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.truncate", "os.utime",
               "shutil.rmtree", "shutil.copyfile", "shutil.move", "os.rename", "os.link", "os.symlink"}
PROGRAM_EVENTS = {"os.system", "os.exec", "os.posix_spawn", "os.spawn", "subprocess.Popen", "pty.spawn",
                  "os.startfile"}
NETWORK_EVENTS = {"socket.__new__", "socket.connect", "socket.bind", "socket.sendto", "socket.getaddrinfo",
                  "socket.gethostbyname", "socket.gethostbyaddr"}


def refuse(what):
    raise PermissionError("sandbox: " + what)


def guard(event, args):
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (flags or 0) & WRITE_FLAGS
        if writing and not inside(path):
            refuse("writing outside the rollout folder is not allowed: " + os.fsdecode(path))
        if protected(path):
            refuse("reading " + os.fsdecode(path) + " is not allowed")
    elif event in PATH_EVENTS:
        for arg in args[:2]:
            if isinstance(arg, (str, bytes)) and not inside(arg):
                refuse(event + " outside the rollout folder is not allowed: " + os.fsdecode(arg))
    elif event in NETWORK_EVENTS:
        refuse("network access is not allowed (" + event + ")")
    elif event in PROGRAM_EVENTS:
        refuse("starting other programs is not allowed (" + event + ")")
    elif event.startswith("ctypes."):
        refuse("ctypes is not allowed (" + event + ")")
    elif event in ("os.listdir", "os.scandir") and args and protected(args[0]):
        refuse("listing " + os.fsdecode(args[0]) + " is not allowed")


if guards == "1":
    sys.addaudithook(guard)

namespace = {"__name__": "__main__", "__file__": "program.py"}
try:
    exec(code, namespace)
except AssertionError as failure:
    traceback.print_exc()
    # say what the function returned for the failing `assert candidate(...) == expected` line
    tb = failure.__traceback__
    while tb.tb_next is not None and tb.tb_next.tb_frame.f_code.co_filename == "program.py":
        tb = tb.tb_next
    import linecache
    line = linecache.getline("program.py", tb.tb_lineno).strip()
    if line.startswith("assert ") and "==" in line:
        left = line[len("assert "):].split("==", 1)[0].strip()
        try:
            got = eval(left, tb.tb_frame.f_globals, tb.tb_frame.f_locals)
            print("gepa-sandbox: " + left + " returned " + repr(got)[:300], file=sys.stderr)
        except BaseException as again:
            print("gepa-sandbox: " + left + " raised " + type(again).__name__ + ": " + str(again)[:300],
                  file=sys.stderr)
    sys.exit(1)
except BaseException:
    traceback.print_exc()
    sys.exit(1)
try:
    sys.stdout.flush()
except BaseException:
    pass
os.write(1, ("\n" + token + "\n").encode())  # straight to fd 1: a program that replaced sys.stdout still passes
os._exit(0)
