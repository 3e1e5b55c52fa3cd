// Per-account signals: rhythm, age, profile and handle patterns (weak alone).
export { accountProfiles, accountSignals, DEFAULT_SIGNAL_OPTIONS, type AccountProfiles, type SignalOptions } from './account-signals.ts';
export { activeWindow, windowsDisjoint, type ActiveWindow } from './active-window.ts';
export { dayNumber, dayString, hourOfWeek } from './clock.ts';
export { HandleFamilies, handleSkeleton, isTemplated, type HandleFamily } from './handle-skeleton.ts';
export { DEFAULT_WEAK_THRESHOLDS, WEAK_SIGNALS, weakSignals, type WeakSignal, type WeakThresholds } from './weak-signals.ts';
