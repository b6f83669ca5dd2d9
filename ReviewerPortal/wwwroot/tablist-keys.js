// Keyboard in a tablist (WAI-ARIA tabs pattern, automatic activation): Left and Right arrows move to the previous or
// next tab and wrap, Home and End to the first and last; the tab moved to gets the focus and is chosen (clicked), as a
// mouse would choose it. Handled in the browser so the server keeps no key interceptor per open page.
document.addEventListener("keydown", event => {
  const tab = event.target.closest ? event.target.closest("[role=tablist] [role=tab]") : null;
  if (!tab || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const tabs = [...tab.closest("[role=tablist]").querySelectorAll("[role=tab]")];
  const at = tabs.indexOf(tab);
  const next = {
    ArrowRight: tabs[(at + 1) % tabs.length],
    ArrowLeft: tabs[(at - 1 + tabs.length) % tabs.length],
    Home: tabs[0],
    End: tabs[tabs.length - 1],
  }[event.key];
  if (next) {
    event.preventDefault();
    next.focus();
    next.click();
  } else if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    tab.click();
  }
});
