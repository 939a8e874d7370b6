"""Grouping items that are joined pairwise (union-find), for clusters of claims and of denials."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class Groups(Generic[T]):
    def __init__(self, items: Iterable[T]) -> None:
        self.order = list(items)
        self.parent: dict[T, T] = {x: x for x in self.order}

    def find(self, x: T) -> T:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: T, b: T) -> None:
        if a in self.parent and b in self.parent:
            self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[T]]:
        """Every group, each in the order the items were given, in order of their first member."""
        found: dict[T, list[T]] = {}
        for x in self.order:
            found.setdefault(self.find(x), []).append(x)
        return list(found.values())
