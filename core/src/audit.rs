//! Re-checking a published self-evaluation (自评复核): `domain.md` §6. Written by the scoring work.
