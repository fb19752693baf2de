"""Readable summaries of engine answers for a person at a terminal."""

from typing import Any


def _minutes(seconds: int) -> str:
    return f"{seconds // 60} min {seconds % 60:02d} s"


def _plan(answer: dict[str, Any]) -> list[str]:
    lines = [f"Urgency: {answer['urgency']}"]
    if answer["sessions"] is None:
        lines += [f"  - {reason['text']}" for reason in answer["reasons"]]
    else:
        lines.append(f"Phase: {answer['phase']}, {answer['sessions_per_day']} sessions a day")
        for session in answer["sessions"]:
            lines.append(f"\n{session['slot'].capitalize()} ({_minutes(session['seconds'])})")
            for n, item in enumerate(session["items"], 1):
                hold = f", hold {item['hold_s']} s" if item["hold_s"] else ""
                side = "" if item["side"] == "both" else f", {item['side']} side"
                trial = " (trial)" if item.get("trial") else ""
                lines.append(
                    f"  {n}. {item['name']}{trial}: {item['sets']} x {item['reps']}{hold}{side}"
                )
                lines += [f"       why: {why}" for why in item["why"]]
        walk = answer.get("daily_activity")
        if walk:
            lines.append(f"\nWalking: {walk['minutes']} min, {walk['walks_per_day']} times a day")
            lines += [f"       why: {why}" for why in walk["why"]]
        for key, title in (("unmet", "Not kept"), ("unanswered", "Not answered")):
            if answer.get(key):
                lines.append(f"\n{title} (ask your clinician)" if key == "unmet" else f"\n{title}")
                lines += [f"  - {entry['reason']}" for entry in answer[key]]
        if answer.get("checks_suggested"):
            lines.append(f"\nSuggested: {', '.join(answer['checks_suggested'])}")
        if answer["excluded"]:
            lines.append("\nLeft out")
            lines += [f"  - {e['exercise']}: {'; '.join(e['reasons'])}" for e in answer["excluded"]]
    lines.append("\nAdvice")
    lines += [f"  - {tip}" for tip in answer["advice"]]
    return lines


def _triage(answer: dict[str, Any]) -> list[str]:
    lines = [f"Urgency: {answer['urgency']}"]
    lines += [f"  - {reason['text']}" for reason in answer["reasons"]]
    lines.append("\nAdvice")
    lines += [f"  - {tip}" for tip in answer["advice"]]
    return lines


def _review(answer: dict[str, Any]) -> list[str]:
    lines = [
        f"Decision: {answer['decision']} (urgency {answer['urgency']})",
        f"Adherence: {answer['adherence']:.0%} "
        f"({answer['sessions_done']} of {answer['sessions_planned']} sessions)",
    ]
    if answer["clinician_review_recommended"]:
        lines.append("A clinician review is recommended.")
    lines += [f"  - {reason['text']}" for reason in answer["reasons"]]
    if answer["plan"] is not None:
        lines.append("\nNext plan")
        lines += ["  " + line for line in _plan(answer["plan"])]
    return lines


def _checks(answer: dict[str, Any]) -> list[str]:
    limits = answer["limits"]
    lines = [f"Urgency: {answer['urgency']}", "Offered: " + (", ".join(answer["offered"]) or "-")]
    lines += [f"  withheld {w['id']}: {'; '.join(w['reasons'])}" for w in answer["withheld"]]
    test = answer["movement_test"]
    lines.append("Movement test: " + (", ".join(test["offered"]) or "-"))
    lines += [f"  withheld {w['direction']}: {'; '.join(w['reasons'])}" for w in test["withheld"]]
    lines.append(
        f"Holds stop at {limits['hold_cap_s']} s, counts at {limits['rep_cap']}, or when: "
        + "; ".join(limits["stop_when"])
    )
    return lines


def _movement_test(answer: dict[str, Any]) -> list[str]:
    lines = [
        f"Directional preference: {answer['directional_preference']}",
        "Avoid: " + (", ".join(answer["avoid_directions"]) or "-"),
    ]
    if answer["clinician_review_recommended"]:
        lines.append("A clinician review is recommended.")
    lines += [f"  - {reason['text']}" for reason in answer["reasons"]]
    return lines


def _exercises(answer: list[dict[str, Any]]) -> list[str]:
    width = max(len(e["id"]) for e in answer)
    lines = [f"{'id'.ljust(width)}  {'kind':<11} {'position':<10} {'direction':<9} equipment"]
    for e in answer:
        lines.append(
            f"{e['id'].ljust(width)}  {e['kind']:<11} {e['position']:<10} {e['direction']:<9} "
            f"{', '.join(e['equipment']) or '-'}"
        )
    return lines


def render_text(kind: str, answer: Any) -> str:
    if kind == "plan":
        lines = _plan(answer)
    elif kind == "triage":
        lines = _triage(answer)
    elif kind == "review":
        lines = _review(answer)
    elif kind == "exercises":
        lines = _exercises(answer)
    elif kind == "checks":
        lines = _checks(answer)
    elif kind == "movement-test":
        lines = _movement_test(answer)
    else:
        lines = [f"{key}: {value}" for key, value in answer.items()]
    return "\n".join(lines) + "\n"
