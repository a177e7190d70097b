package io.driftwatch.core.gate;

/** What a gate answers, from best to worst. */
public enum GateVerdict {
  /** Nothing the policy warns or fails on. */
  PASS,
  /** Findings the policy warns on, none it fails on. */
  WARN,
  /** A finding the policy fails on: the next deploy would fail, lose data or make things worse. */
  FAIL;
}
