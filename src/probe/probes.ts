// Every toolchain probe, in the order their findings are merged: a later probe's phase of the same name wins,
// and cache-check sentences are joined in this order.
import { CARGO_PROBE } from './rust/cargo-probe.ts';
import { PYTHON_PROBE } from './python/python-probe.ts';
import { DEB_PROBE } from './deb-probe.ts';
import type { ToolchainProbe } from './toolchain-probe.ts';

export const PROBES: readonly ToolchainProbe[] = [CARGO_PROBE, PYTHON_PROBE, DEB_PROBE];
