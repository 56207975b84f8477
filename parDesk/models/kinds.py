"""The closed sets of words the core stores and compares, as ``Literal`` types.

Rule kinds, leaf statuses, assessment and outbox states are plain strings in
the database, in the framework JSON and in a package's ``assessment.json``, so
they stay strings at run time (a row read back or a package from another
version compares equal without conversion). Typing them as ``Literal`` lets
mypy catch a misspelt state ("acepted") or a missing branch where they are
used; the ``*_ALL`` tuples are the same sets for run-time checks and are
derived from the types, so the two cannot drift apart.

This module imports nothing of parDesk, so every layer (models, scoring,
package verifier, sync, window) can use it.
"""

from __future__ import annotations

from typing import Literal, get_args

#: How a leaf is scored (``rule.kind`` in the framework file; docs/framework-format.md).
RuleKind = Literal["yes_no", "ratio_tiers", "proportional", "levels", "manual", "deductions", "survey"]
RULE_KINDS: tuple[RuleKind, ...] = get_args(RuleKind)

#: Where a leaf sits: the main tree, the bonus block (điểm thưởng) or the penalty block (điểm trừ).
BlockKind = Literal["main", "bonus", "penalty"]
BLOCK_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)

#: The two extra blocks a framework has beside its main tree.
ExtraBlockKind = Literal["bonus", "penalty"]

#: A framework's rounding modes (names of :mod:`decimal`'s ``ROUND_*`` constants, in the file's words).
RoundingMode = Literal["half_up", "half_even", "down", "up"]
ROUNDING_MODE_NAMES: tuple[RoundingMode, ...] = get_args(RoundingMode)

#: What a ratio rule gives when the denominator is 0: the maximum, or nothing.
ZeroDenominator = Literal["max", "zero"]
ZERO_DENOMINATORS: tuple[ZeroDenominator, ...] = get_args(ZeroDenominator)

#: A leaf's status (:mod:`parDesk.validation`), stored in ``answer.status`` and a package's items.
LeafStatusName = Literal["not_started", "in_progress", "complete", "not_applicable", "province"]
LEAF_STATUSES: tuple[LeafStatusName, ...] = get_args(LeafStatusName)

#: An assessment is edited while ``draft``; ``locked`` once signed into a package.
AssessmentStatus = Literal["draft", "locked"]
ASSESSMENT_STATUSES: tuple[AssessmentStatus, ...] = get_args(AssessmentStatus)

#: Where a package waiting for the province stands (``outbox.state``).
OutboxState = Literal["waiting", "uploading", "verifying", "accepted", "refused", "stopped"]
OUTBOX_STATES: tuple[OutboxState, ...] = get_args(OutboxState)

#: A row of a snapshot's ``items``: a node by its depth (area, criterion, group), or a scored leaf.
ItemKind = Literal["area", "criterion", "group", "leaf"]
ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)
