/**
 * The in-page button's whole look, inside its closed shadow root. The host's rules are `!important`: between a
 * shadow tree's `:host` and the page's own rules for the same element, the page wins normal declarations and the
 * shadow tree wins important ones, so a page that restyles `*`, `div` or `[style]` changes nothing here. The
 * page's rules never reach the button itself; `all: initial` on it also drops what it would inherit. Colours
 * follow the design system's accent (components/ui/ui.css), kept here as values: a content script has no tokens.
 */
export const BUTTON_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  contain: none !important;
  pointer-events: none !important;
  z-index: 2147483647 !important;
  /* Not reset by \`all\`, and inherited from the page. */
  direction: ltr !important;
  unicode-bidi: isolate !important;
}
button {
  all: initial;
  position: fixed;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  gap: 5px;
  height: 28px;
  padding: 0 11px 0 9px;
  border-radius: 999px;
  background: rgb(194 65 12 / 0.94);
  color: #fff;
  font: 600 13px/1 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
    "WenQuanYi Micro Hei", sans-serif;
  letter-spacing: 0;
  white-space: nowrap;
  cursor: pointer;
  pointer-events: auto;
  user-select: none;
  box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
  transition: background-color 120ms;
}
button::before {
  content: "";
  box-sizing: border-box;
  width: 11px;
  height: 11px;
  border: 2px solid currentColor;
  border-radius: 50%;
  margin-top: -2px;
}
/* The magnifier's handle, below and right of the ring. */
button::after {
  content: "";
  position: absolute;
  left: 17px;
  top: 15px;
  width: 2px;
  height: 5px;
  border-radius: 1px;
  background: currentColor;
  transform: rotate(-45deg);
}
button:hover {
  background: rgb(154 52 18);
}
button:focus-visible {
  outline: 2px solid #fff;
  outline-offset: 1px;
  box-shadow: 0 0 0 4px rgb(154 52 18);
}
button[hidden] {
  display: none;
}
/* The notice beside the button: how to open the panel when the browser would not open it from the page. */
p {
  all: initial;
  position: fixed;
  box-sizing: border-box;
  display: block;
  max-width: min(280px, calc(100vw - 12px));
  padding: 8px 11px;
  border-radius: 8px;
  background: rgb(31 41 55 / 0.96);
  color: #fff;
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
    "WenQuanYi Micro Hei", sans-serif;
  white-space: normal;
  overflow-wrap: anywhere;
  cursor: default;
  pointer-events: auto;
  user-select: text;
  box-shadow: 0 2px 10px rgb(0 0 0 / 0.3);
}
p[hidden] {
  display: none;
}
@media (prefers-reduced-motion: reduce) {
  button {
    transition: none;
  }
}
`;
