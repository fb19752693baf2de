"""The toolkit's safety limits, named so a reviewer can check each against its source."""

from typing import Final

# Heat or cold: about 20 minutes at a time, then a break (common first-aid and NHS advice for
# hot or cold packs); longer risks burns, frostbite or skin damage, most of all on numb skin.
HEAT_COLD_LIMIT_MINUTES: Final = 20
# Relief felt is the same 0–10 scale as the program's pain ratings (NRS).
RELIEF_MAX: Final = 10
# A massage longer than this is almost certainly a typing mistake.
MASSAGE_MAX_MINUTES: Final = 240
