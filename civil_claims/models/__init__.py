"""Make a money claim: the fee bands, claims, their parties and what happens to them.

A package (split along its seams); import the models from ``civil_claims.models``.
"""

from .fees import IssueFeeBand

__all__ = ["IssueFeeBand"]
