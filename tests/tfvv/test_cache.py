"""tfvv.cache.RedisCache on the real Redis: one client per pool, a windowed counter."""


def test_een_client_per_pool(redis_cache):
    assert redis_cache._cache.get_client("a") is redis_cache._cache.get_client("b")


def test_teller_in_een_venster(redis_cache):
    assert redis_cache.tel_in_venster("teller", 60) == 1
    assert redis_cache.tel_in_venster("teller", 60) == 2
    assert 0 < redis_cache._cache.get_client().ttl(redis_cache.make_key("teller")) <= 60
