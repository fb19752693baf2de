"""PostgreSQL: `make test` runs the whole integration suite again on PostgreSQL + Redis where CI
provides them (TEST_POSTGRES_URL, TEST_REDIS_URL); this file only checks the switch itself."""


def test_the_database_url_switches_to_postgresql() -> None:
    import dj_database_url

    config = dj_database_url.parse("postgres://app:app@127.0.0.1:5433/app")
    assert config["ENGINE"] == "django.db.backends.postgresql"
