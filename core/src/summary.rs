//! Roll-up (汇总): `domain.md` §7. Written by the review work.
