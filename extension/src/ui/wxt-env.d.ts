// WXT's generated types (typed `browser.runtime.getURL` paths, import.meta.env); made by `wxt prepare` on install.
/// <reference path="../../.wxt/wxt.d.ts" />
