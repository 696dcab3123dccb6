"""gunicorn settings for production (README, "Deployment").

gunicorn reads this file from the working directory: `gunicorn wijkverbinder.wsgi`. Environment
variables override the defaults; `make bench` and the two-server test use it too.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core; each with a few threads, so a slow request (a login's password hash,
# a slow client) holds one thread, not a whole worker, while cached pages keep flowing.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
keepalive = 5
timeout = 30
graceful_timeout = 20
# Recycle workers now and then, staggered, so no leak can grow without bound.
max_requests = 5000
max_requests_jitter = 500
# What one request may send; beyond these gunicorn answers 400 itself, before Django.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Trust X-Forwarded-* only from the reverse proxy: the same list Django uses for the client's
# address (README: DJANGO_TRUSTED_PROXIES), unless FORWARDED_ALLOW_IPS says otherwise.
forwarded_allow_ips = (
    os.environ.get("FORWARDED_ALLOW_IPS")
    or os.environ.get("DJANGO_TRUSTED_PROXIES")
    or "127.0.0.1,::1"
)
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
