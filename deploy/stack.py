"""The production stack as plain processes: nginx → Varnish → gunicorn → PostgreSQL (+ Redis).

Used by `make prod-local` (the demo behind the real front), `make bench` and the front tests.
Everything lives in one run directory with generated configuration; no system service is
started or changed. Debian's nginx, varnish and wrk come from .ci/ensure-front.

    python -m deploy.stack prod-local            # the whole stack on a PostgreSQL database of its own
    python -m deploy.stack configs --out DIR     # render nginx/Varnish configs for a real server
"""

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

DEPLOY_DIR = Path(__file__).resolve().parent
PROJECT_DIR = DEPLOY_DIR.parent
PYTHON = PROJECT_DIR / ".venv" / "bin" / "python"
if not PYTHON.exists():
    PYTHON = Path(sys.executable)
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
SHARED_POSTGRES = os.environ.get("PROD_LOCAL_POSTGRES", "postgres://postgres@127.0.0.1:5432")


class ConfigTemplate(string.Template):
    """`${name}` placeholders only, so nginx's and Varnish's own `$variables` pass untouched."""

    pattern = r"\$\{(?P<braced>[a-z_]+)\}|(?P<escaped>(?!))|(?P<named>(?!))|(?P<invalid>(?!))"


def render(template_name, **values):
    return ConfigTemplate((DEPLOY_DIR / template_name).read_text()).substitute(values)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, what, timeout=60.0, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        with contextlib.suppress(OSError):
            if check():
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


def port_open(port):
    def check():
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True

    return check


def http_ok(url):
    def check():
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - a local URL
                return response.status < 500
        except urllib.error.HTTPError as error:
            return error.code < 500

    return check


def require(binary):
    path = shutil.which(binary) or (f"/usr/sbin/{binary}" if Path(f"/usr/sbin/{binary}").exists() else None)
    if not path:
        raise RuntimeError(f"{binary} is missing: run .ci/ensure-front (installs Debian's nginx, varnish and wrk)")
    return path


class Processes:
    """Child processes started in their own session, stopped by their id."""

    def __init__(self, run_dir):
        self.run_dir = Path(run_dir)
        self.children = {}

    def start(self, name, args, env=None, stdout=None):
        log = open(self.run_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(  # noqa: S603 - arguments built here, no shell
            args,
            env=env,
            stdout=stdout if stdout is not None else log,
            stderr=subprocess.STDOUT if stdout is None else log,
            cwd=PROJECT_DIR,
            start_new_session=True,
        )
        process.log_file = log
        self.children[name] = process
        return process

    def stop(self, name, timeout=10):
        process = self.children.pop(name, None)
        if process is None:
            return
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)
        process.log_file.close()

    def stop_all(self):
        for name in reversed(list(self.children)):
            self.stop(name)


class TempPostgres:
    """A throw-away PostgreSQL cluster in a temporary directory (never the shared one).

    As root it runs as the `postgres` user through runuser, since PostgreSQL refuses root.
    """

    def __init__(self, base_dir=None):
        self.dir = Path(tempfile.mkdtemp(prefix="gronne-pg-", dir=base_dir))
        self.data = self.dir / "data"
        self.port = free_port()
        self.running = False
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self.dir.chmod(0o700)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        else:
            self.prefix = []

    def _run(self, *args):
        subprocess.run([*self.prefix, *args], check=True, capture_output=True)  # noqa: S603

    def init(self):
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        return self

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        log = str(self.dir / "log")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", log, "-o", options, "-w", "start")
        self.running = True
        return self

    def stop(self):
        if self.running:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
            self.running = False

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}"

    def createdb(self, name):
        self._run(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return f"{self.url}/{name}"

    def destroy(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Stack:
    """nginx → Varnish (when `cache`) → gunicorn, on `database_url`, in `run_dir`.

    `stack.url` is the front's address. `stack.env` is the environment the application runs
    with (for manage.py commands against the same database and cache).
    """

    def __init__(self, run_dir, database_url, *, cache=True, redis_url="", workers=3, extra_env=None, port=None):
        self.run_dir = Path(run_dir)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url
        self.cache = cache
        self.redis_url = redis_url
        self.workers = workers
        self.port = port or free_port()
        self.app_port = free_port()
        self.varnish_port = free_port()
        self.processes = Processes(self.run_dir)
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = self._environment(extra_env or {})

    def _environment(self, extra):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "EMAIL_", "ELASTICSEARCH_", "REDIS_", "PYTEST"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "cms.settings.production",
                # A new key for each run: sessions do not outlive the stack.
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DATABASE_URL": self.database_url,
                "SECURE_SSL_REDIRECT": "false",  # plain HTTP locally; TLS ends at nginx in production
                "SECURE_HSTS_SECONDS": "0",
                "STATIC_ROOT": str(self.run_dir / "static"),
                "MEDIA_ROOT": str(self.run_dir / "media"),
                "WAGTAILADMIN_BASE_URL": self.url,
                "CSRF_TRUSTED_ORIGINS": f"{self.url},http://localhost:{self.port}",
                "FRONTEND_CACHE_URL": f"http://127.0.0.1:{self.varnish_port}" if self.cache else "",
                "REDIS_URL": self.redis_url,
                "CACHE_KEY_PREFIX": f"gronne-{self.port}",
                "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
                # nginx writes the client's address into X-Forwarded-For and Varnish appends nginx's:
                # two trusted entries, so login throttling sees the visitor, not the proxy.
                "TRUSTED_PROXY_COUNT": "2" if self.cache else "1",
            }
        )
        env.update(extra)
        return env

    # -- the application ------------------------------------------------------------------
    def manage(self, *args, env=None, capture=True):
        return subprocess.run(  # noqa: S603
            [str(PYTHON), "manage.py", *args],
            cwd=PROJECT_DIR,
            env={**self.env, **(env or {})},
            check=True,
            text=True,
            capture_output=capture,
        )

    def prepare(self, demo=True):
        """Migrate, collect static files and load the demo content."""
        self.manage("migrate", "--no-input", "-v0")
        self.manage("collectstatic", "--no-input", "-v0")
        if demo:
            return self.manage("load_demo", "--allow-production")
        return None

    def gunicorn_args(self, bind):
        return [str(PYTHON), "-m", "gunicorn", "-c", str(DEPLOY_DIR / "gunicorn.conf.py"), "cms.wsgi"], {
            **self.env,
            "GUNICORN_BIND": bind,
            "WEB_CONCURRENCY": str(self.workers),
        }

    def start_app(self, name="gunicorn", port=None, env=None):
        """gunicorn on a loopback port (only the proxy talks to it)."""
        port = port or self.app_port
        args, app_env = self.gunicorn_args(f"127.0.0.1:{port}")
        process = self.processes.start(name, args, env={**app_env, **(env or {})})
        wait_for(http_ok(f"http://127.0.0.1:{port}/healthz/"), name, process=process)
        return port

    # -- the front --------------------------------------------------------------------------
    def write_configs(self):
        (self.run_dir / "nginx-tmp").mkdir(exist_ok=True)
        upstream = f"127.0.0.1:{self.varnish_port if self.cache else self.app_port}"
        (self.run_dir / "site.conf").write_text(
            render(
                "nginx/site.conf.template",
                listen=f"127.0.0.1:{self.port}",
                server_name="127.0.0.1 localhost",
                static_root=self.env["STATIC_ROOT"],
                media_root=self.env["MEDIA_ROOT"],
                upstream=upstream,
                templates=PROJECT_DIR / "templates",
                errors=DEPLOY_DIR / "errors",
                retry_after=self.env.get("DATABASE_RETRY_AFTER", "30"),
                max_body="25m",
            )
        )
        (self.run_dir / "nginx.conf").write_text(
            render(
                "nginx/local.conf.template",
                run_dir=self.run_dir,
                # As root, nginx's workers would run as nobody; the run directory is root's.
                user_line="user root;" if os.geteuid() == 0 else "",
                access_log="off" if not os.environ.get("FRONT_ACCESS_LOG") else str(self.run_dir / "access.log"),
            )
        )
        (self.run_dir / "default.vcl").write_text(
            render("varnish/default.vcl.template", backend_host="127.0.0.1", backend_port=self.app_port)
        )

    def start_front(self):
        self.write_configs()
        if self.cache:
            varnishd = require("varnishd")
            work = self.run_dir / "varnish"
            work.mkdir(exist_ok=True)
            process = self.processes.start(
                "varnish",
                [
                    varnishd,
                    "-F",
                    "-j",
                    "none",
                    "-n",
                    str(work),
                    "-a",
                    f"127.0.0.1:{self.varnish_port}",
                    "-T",
                    "127.0.0.1:0",
                    "-f",
                    str(self.run_dir / "default.vcl"),
                    "-s",
                    "malloc,256m",
                    "-p",
                    "default_grace=0s",
                ],
            )
            wait_for(port_open(self.varnish_port), "varnishd", process=process)
        nginx = require("nginx")
        process = self.processes.start(
            "nginx",
            [
                nginx,
                "-e",
                str(self.run_dir / "nginx-error.log"),
                "-p",
                str(self.run_dir),
                "-c",
                str(self.run_dir / "nginx.conf"),
                "-g",
                "daemon off;",
            ],
        )
        wait_for(port_open(self.port), "nginx", process=process)

    def start(self):
        self.start_app()
        self.start_front()
        wait_for(http_ok(f"{self.url}/healthz/"), "the front")
        return self

    def stop(self):
        self.processes.stop_all()


class RedisServer:
    """A Redis of the stack's own (never the shared one), in the run directory."""

    def __init__(self, run_dir, processes):
        self.port = free_port()
        self.run_dir = Path(run_dir)
        self.processes = processes

    def start(self):
        binary = require("redis-server")
        process = self.processes.start(
            "redis",
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.run_dir),
            ],
        )
        wait_for(port_open(self.port), "redis-server", process=process)
        return f"redis://127.0.0.1:{self.port}/0"


def create_shared_database(name):
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)  # noqa: S603, S607
    return f"{SHARED_POSTGRES}/{name}"


def drop_shared_database(name):
    subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", name], check=False)  # noqa: S603, S607


def prod_local(args):
    """The demo behind the whole front, until Ctrl-C; the database is dropped afterwards."""
    # Ctrl-C and a plain `kill` both stop everything (a shell's background job ignores SIGINT).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    run_dir = Path(tempfile.mkdtemp(prefix="gronne-prod-local-"))
    name = args.database or f"gronne_prod_local_{os.getpid()}"
    processes = Processes(run_dir)
    database_url = create_shared_database(name)
    stack = None
    try:
        redis_url = RedisServer(run_dir, processes).start()
        smtp_port = free_port()
        processes.start(
            "smtp",
            [str(PYTHON), "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}", "-c", "aiosmtpd.handlers.Debugging"],
            stdout=None,
        )
        stack = Stack(
            run_dir,
            database_url,
            redis_url=redis_url,
            port=args.port,
            extra_env={"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port)},
        )
        print(f"Preparing {name} (migrate, collectstatic, demo) in {run_dir} …", flush=True)
        result = stack.prepare()
        print(result.stdout, flush=True)
        stack.start()
        print(
            f"\nServing the demo at {stack.url}/ (nginx → Varnish → gunicorn → PostgreSQL {name}, "
            f"Redis {stack.env['REDIS_URL']})"
            f"\nAdmin: {stack.url}/admin/ (users and passwords above). E-mail is printed in {run_dir}/smtp.log."
            "\nCtrl-C stops everything and drops the database.",
            flush=True,
        )
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("\nStopping …", flush=True)
    finally:
        if stack is not None:
            stack.stop()
        processes.stop_all()
        if not args.keep_database:
            drop_shared_database(name)
        shutil.rmtree(run_dir, ignore_errors=True)


def configs(args):
    """Render the nginx site and the Varnish VCL for a real server (see docs/production.md)."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    upstream = args.varnish if args.cache else args.app
    (out / "gronne.nginx.conf").write_text(
        render(
            "nginx/site.conf.template",
            listen=args.listen,
            server_name=args.server_name,
            static_root=args.static_root,
            media_root=args.media_root,
            upstream=upstream,
            templates=PROJECT_DIR / "templates",
            errors=DEPLOY_DIR / "errors",
            retry_after="30",
            max_body="25m",
        )
    )
    host, _, port = args.app.rpartition(":")
    (out / "gronne.vcl").write_text(render("varnish/default.vcl.template", backend_host=host, backend_port=port))
    print(f"Wrote {out / 'gronne.nginx.conf'} and {out / 'gronne.vcl'}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    local = commands.add_parser("prod-local", help="the demo behind nginx, Varnish and gunicorn on PostgreSQL")
    local.add_argument("--port", type=int, default=int(os.environ.get("PROD_LOCAL_PORT", "8080")))
    local.add_argument("--database", default=os.environ.get("PROD_LOCAL_DB", ""))
    local.add_argument("--keep-database", action="store_true")
    local.set_defaults(func=prod_local)
    render_configs = commands.add_parser("configs", help="render the nginx and Varnish configuration")
    render_configs.add_argument("--out", required=True)
    render_configs.add_argument("--listen", default="127.0.0.1:8080", help="what nginx listens on (behind TLS)")
    render_configs.add_argument("--server-name", default="_")
    render_configs.add_argument("--static-root", default="/srv/gronne/static")
    render_configs.add_argument("--media-root", default="/srv/gronne/media")
    render_configs.add_argument("--app", default="127.0.0.1:8000", help="gunicorn's address, for Varnish")
    render_configs.add_argument("--varnish", default="127.0.0.1:6081", help="Varnish's address, for nginx")
    render_configs.add_argument("--no-cache", dest="cache", action="store_false")
    render_configs.set_defaults(func=configs)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
