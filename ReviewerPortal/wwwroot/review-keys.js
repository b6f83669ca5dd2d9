// Keyboard on the review page: "a" presses Approve and "r" moves to the rejection reason, only while no text field has
// the focus. "a" clicks the real button, which stays disabled until the attestation is ticked: never a way around it.
export function install() {
  if (window.reviewKeysInstalled) {
    return;
  }
  window.reviewKeysInstalled = true;
  document.addEventListener("keydown", event => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      return;
    }
    if (event.target.closest && event.target.closest("textarea, select, [contenteditable], input:not([type=checkbox]):not([type=radio])")) {
      return;
    }
    if (event.key === "a") {
      const approve = document.querySelector("[data-shortcut=approve]");
      const pressed = Boolean(approve && !approve.disabled);
      if (pressed) {
        event.preventDefault();
        approve.click();
      }
      // Says that the key was handled and whether Approve was pressed, so that a test can tell "refused" from "not yet".
      document.dispatchEvent(new CustomEvent("review-shortcut", { detail: { key: "a", pressed } }));
    } else if (event.key === "r") {
      const reason = document.getElementById("reject-reason");
      if (reason) {
        event.preventDefault();
        reason.focus();
      }
    }
  });
}

export function focus(id) {
  document.getElementById(id)?.focus();
}
