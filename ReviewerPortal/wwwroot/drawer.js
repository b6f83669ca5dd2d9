// The portal's drawer is CSS-only (MainLayout): the server knows whether the menu button flipped it, not how wide the
// page is. This keeps what depends on the width in the browser: the menu button's aria-expanded says whether the
// drawer is shown; following a link in the drawer while it is over the content (below 960 px) closes it; crossing
// 960 px returns a flipped drawer to its default for the new width, as MudBlazor's responsive drawer does.
(() => {
  const wide = window.matchMedia("(min-width: 960px)");
  const flipped = () => document.querySelector(".portal-drawer-flipped") !== null;
  const toggle = () => document.querySelector("[data-drawer-toggle]");

  const syncExpanded = () => {
    const button = toggle();
    const expanded = String(wide.matches !== flipped());
    if (button && button.getAttribute("aria-expanded") !== expanded) {
      button.setAttribute("aria-expanded", expanded);
    }
  };

  wide.addEventListener("change", () => {
    if (flipped()) {
      toggle()?.click();
    }
    syncExpanded();
  });

  document.addEventListener("click", event => {
    if (!wide.matches && flipped() && event.target.closest && event.target.closest("#portal-drawer a[href]")) {
      toggle()?.click();
    }
  });

  // The server re-renders the layout on its own schedule (a flip, a reconnect, an enhanced navigation).
  new MutationObserver(syncExpanded).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  syncExpanded();
})();
