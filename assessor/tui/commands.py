"""Command palette: open a region by name, code or pinyin initials (东昌府区 → dcfq)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assessor.tui.i18n import t
from assessor.tui.pinyin import initials

if TYPE_CHECKING:
    from assessor.tui.app import AssessorApp


class RegionCommands(Provider):
    """打开地区 / open a region (worded in the interface language)."""

    @property
    def _lang(self) -> str:
        return str(getattr(self.app, "lang", "zh"))

    def _regions(self) -> list[tuple[str, str, str]]:
        app = self.app
        from assessor.tui.app import AssessorApp

        if not isinstance(app, AssessorApp) or not app.loaded:
            return []
        return [
            (rid, r.name or rid, initials(r.name or ""))
            for rid, r in app.session.workspace.campaign.regions.items()  # every kind's
        ]

    async def discover(self) -> Hits:
        lang = self._lang
        for rid, name, _ in self._regions():
            yield DiscoveryHit(
                f"{t(lang, 'open')} {name} {rid}",
                partial(self._open, rid),
                help=t(lang, "open_region"),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        q = query.strip().lower()
        lang = self._lang
        for rid, name, abbr in self._regions():
            text = f"{t(lang, 'open')} {name} {rid}"
            score = matcher.match(text)
            if q and (abbr.startswith(q) or rid.startswith(q)):
                score = max(score, 1.0)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._open, rid),
                    help=f"{abbr} · {t(lang, 'open_region')}",
                )

    def _open(self, rid: str) -> None:
        from assessor.tui.screens.home import HomeScreen

        app: AssessorApp = self.app  # type: ignore[assignment]
        while len(app.screen_stack) > 2:
            app.pop_screen()
        home = app.screen
        if isinstance(home, HomeScreen):
            home.open_unit(rid)  # a unit of another kind: home switches kind first
        else:
            from assessor.tui.screens.region import RegionScreen

            app.push_screen(RegionScreen(rid))
