"""A seeded generator of plausible stores of any size, for benchmarks and scale tests.

Deterministic (random.Random(seed)), like datasette's fixtures: the same arguments give the same
facts. Figures follow the shapes of real reports: channel totals with categories, qualified
values, hotline counts with rates, a few statutory-table cells, recruitment not always reported.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier

CHANNELS = ("gov_portal", "dept_site", "wechat", "weibo", "short_video")
CATEGORIES = ("政务动态", "通知公告", "政策文件", "人事信息", "财政信息")
RECIPIENTS = ("区政府", "市政府", "市教育网")


def synthetic_datasets(
    agencies: int, years: int, *, first_year: int = 2015, seed: int = 42
) -> Iterator[Dataset]:
    """`agencies` × `years` datasets of about 35 facts each."""
    rng = random.Random(seed)
    for a in range(agencies):
        agency = f"合成单位{a + 1:04d}"
        scale = rng.uniform(0.3, 3.0)
        for y in range(years):
            year = first_year + y
            facts: list[Fact] = []

            def add(
                metric: str,
                value: float | None,
                qualifier: Qualifier = Qualifier.EXACT,
                channel: str | None = None,
                category: str | None = None,
                *,
                agency: str = agency,
                year: int = year,
                facts: list[Fact] = facts,
            ) -> None:
                facts.append(Fact(agency, year, metric, channel, category, value, qualifier, None))

            growth = 1 + 0.08 * y
            for channel in CHANNELS:
                total = round(rng.uniform(50, 1500) * scale * growth)
                qualifier = Qualifier.AT_LEAST if rng.random() < 0.4 else Qualifier.EXACT
                if qualifier is Qualifier.AT_LEAST:
                    total = total // 100 * 100 or 100
                add("items_published", total, qualifier, channel)
                if channel in ("gov_portal", "dept_site"):
                    for category in rng.sample(CATEGORIES, 3):
                        add(
                            "items_published",
                            round(total * rng.uniform(0.05, 0.3)),
                            Qualifier.EXACT,
                            channel,
                            category,
                        )
            add(
                "followers",
                round(rng.uniform(1000, 80000) * scale * growth),
                Qualifier.EXACT,
                "wechat",
            )
            add("reads", round(rng.uniform(1e4, 1e6) * scale), Qualifier.AT_LEAST, "wechat")
            for recipient in rng.sample(RECIPIENTS, 2):
                submitted = rng.randint(10, 400)
                add("info_submitted", submitted, category=recipient)
                add("info_adopted", rng.randint(0, submitted), category=recipient)
            received = rng.randint(20, 3000)
            closed = received - rng.randint(0, max(1, received // 50))
            add("hotline_received", received, channel="hotline_12345")
            add("hotline_closed", closed, channel="hotline_12345")
            add("hotline_closure_rate", round(closed / received * 100, 1), channel="hotline_12345")
            add(
                "hotline_satisfaction_rate", round(rng.uniform(90, 100), 1), channel="hotline_12345"
            )
            new = rng.randint(0, 60)
            disclosed = rng.randint(0, new)
            add("requests_new", new)
            add("requests_carried_over", 0)
            add("requests_disclosed", disclosed)
            add("requests_unavailable", new - disclosed)
            add("requests_completed", new)
            add("requests_carried_forward", 0)
            add("appeal_review", rng.randint(0, 2))
            if rng.random() < 0.5:
                add("recruitment_notices", rng.randint(1, 20), channel="dept_site")
            else:
                add("recruitment_notices", None, Qualifier.NOT_REPORTED, "dept_site")
            add("meetings", rng.randint(1, 8))
            yield Dataset(agency, year, facts)
