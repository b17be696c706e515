//! Actuals for a declaration: a separate file of 实际完成值 joined to a declaration. Written by the scoring work.
