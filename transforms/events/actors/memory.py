"""Within-document coreference: people by surname, the last person, acronyms, the last event per type."""

from __future__ import annotations

from dataclasses import replace

from transforms.core.records import Actor


class DocMemory:
    """What earlier sentences of the document established, for the later ones."""

    def __init__(self) -> None:
        self.people: dict[str, Actor] = {}
        self.last_person: Actor | None = None
        self.events: dict[str, tuple[list[Actor], list[Actor]]] = {}  # event type -> last (source, target)
        self.acronyms: dict[str, Actor] = {}  # "FIU" -> the actor "Federation of Independent Unions"

    def remember(self, person_tokens: list[str], actor: Actor) -> None:
        if not person_tokens or not actor.country:
            return
        stored = replace(actor)
        self.people[person_tokens[-1].lower()] = stored
        self.people[" ".join(person_tokens).lower()] = stored
        self.last_person = stored

    def lookup(self, person_tokens: list[str]) -> Actor | None:
        if not person_tokens:
            return None
        full = " ".join(person_tokens).lower()
        return self.people.get(full) or self.people.get(person_tokens[-1].lower())
