"""Django's Redis cache with one client object per connection pool, and a counter.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every cache call,
and each one copies redis-py's table of response callbacks: measurable CPU on the public
form during an opening rush (docs/benchmarks.md). The client is thread-safe and its pool
notices a fork, so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def tel_glijdend(self, key: str, vorige: str, seconden: int) -> tuple[int, int]:
        """Add one to the counter `key` (a new one lives `seconden` seconds) and read the
        counter `vorige`, in one round trip (the sliding window of tfvv.ratelimit)."""
        key = self.make_and_validate_key(key)
        vorige = self.make_and_validate_key(vorige)
        with self._cache.get_client(key, write=True).pipeline(transaction=True) as pipe:
            pipe.set(key, 0, ex=seconden, nx=True)
            pipe.incr(key)
            pipe.get(vorige)
            _, huidig, vorig = pipe.execute()
        return huidig, int(vorig or 0)
