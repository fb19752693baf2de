"""Resource ids that say nothing about the person and stay the same from one export to the next.

Each id is a keyed hash (HMAC-SHA256 with a server secret) of the account's number and what the
resource is, shaped as a UUID: a receiving system can recognise the same Patient or the same
pain score in a later export and update it instead of adding a copy, while nobody can work back
from an id to the username, the account number or the row. Changing the server's secret changes
every id (a receiver then sees a new person).
"""

import hashlib
import hmac
import uuid
from dataclasses import dataclass

from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource


@dataclass(frozen=True)
class Ids:
    secret: bytes
    person: int

    def of(self, kind: str, key: object = "") -> str:
        message = f"sciatica-coach/fhir:{self.person}:{kind}:{key}".encode()
        digest = hmac.new(self.secret, message, hashlib.sha256).digest()
        return str(uuid.UUID(bytes=digest[:16], version=4))

    @staticmethod
    def url(resource_id: str) -> str:
        """The entry's fullUrl: a Bundle of type collection refers to its entries this way."""
        return f"urn:uuid:{resource_id}"

    @classmethod
    def to(cls, resource: Resource) -> Reference:
        return Reference(reference=cls.url(resource.id or ""))

    def ref(self, kind: str, key: object = "") -> Reference:
        return Reference(reference=self.url(self.of(kind, key)))

    @property
    def patient(self) -> Reference:
        return self.ref("Patient")
