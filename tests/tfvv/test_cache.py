"""tfvv.cache.RedisCache on the real Redis: one client per pool, a sliding-window counter."""


def test_een_client_per_pool(redis_cache):
    assert redis_cache._cache.get_client("a") is redis_cache._cache.get_client("b")


def test_glijdende_teller(redis_cache):
    assert redis_cache.tel_glijdend("teller", "vorige", 120) == (1, 0)
    assert redis_cache.tel_glijdend("teller", "vorige", 120) == (2, 0)
    assert 0 < redis_cache._cache.get_client().ttl(redis_cache.make_key("teller")) <= 120
    assert redis_cache.tel_glijdend("volgende", "teller", 120) == (1, 2)
