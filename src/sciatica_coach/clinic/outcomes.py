"""Start-versus-latest change in each score, judged against its minimal important change
(the engine's ``MIC``: ODI 10, RMDQ 5, PEG and pain 2 points). Lower is better on every one."""

from dataclasses import dataclass
from typing import Final

from sciatica_coach.engine.scores import MIC

INSTRUMENTS: Final = ("peg", "odi", "rmdq")
NAMES: Final = {"peg": "PEG", "odi": "ODI", "rmdq": "RMDQ", "nrs": "Pain"}


@dataclass(frozen=True)
class Change:
    instrument: str
    start: float
    latest: float

    @property
    def change(self) -> float:
        return round(self.latest - self.start, 1)

    @property
    def mic(self) -> float:
        return MIC[self.instrument]

    @property
    def verdict(self) -> str:
        if self.change <= -self.mic:
            return "improved"
        if self.change >= self.mic:
            return "worse"
        return "no important change"

    @property
    def name(self) -> str:
        return NAMES[self.instrument]
