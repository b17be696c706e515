//! Target review (绩效目标审核): the checks of `domain.md` §4. Written by the review work.
