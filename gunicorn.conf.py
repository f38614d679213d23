"""gunicorn settings read from the environment (the Dockerfile starts gunicorn with this).

X-Forwarded-* headers are believed only from the reverse proxies in TFVV_TRUSTED_PROXIES,
the same list tfvv.clientip uses, and from the container itself (its own health check);
never from any address.
"""

import os

_proxies = [p.strip() for p in os.environ.get("TFVV_TRUSTED_PROXIES", "").split(",") if p.strip()]
forwarded_allow_ips = ",".join([*_proxies, "127.0.0.1", "::1"])
