//! Self-evaluation scoring (单位自评): `domain.md` §5. Written by the scoring work.
