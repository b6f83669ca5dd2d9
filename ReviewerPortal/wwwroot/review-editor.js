// The review page's edit box. Its text reaches the server as a stream when the clinician acts (never as one SignalR
// message per change), so a long report cannot exceed the hub's message limit and silently drop the edit.
export function watch(id, page) {
  const box = document.getElementById(id);
  if (!box || box.dataset.watched) {
    return;
  }
  box.dataset.watched = "true";
  // Tell the page once that there is unsent text, so it can warn before the clinician leaves; and, a moment after
  // each pause in typing, hand the text to the server (as a stream) so a reload or reconnect restores it.
  let pause;
  box.addEventListener("input", () => {
    if (box.dataset.unsent !== "true") {
      box.dataset.unsent = "true";
      page.invokeMethodAsync("OnEdited");
    }
    clearTimeout(pause);
    pause = setTimeout(() => {
      const text = new TextEncoder().encode(box.value);
      page.invokeMethodAsync("OnPaused", DotNet.createJSStreamReference(text), text.length);
    }, 1000);
  });
}

// Returned as a Uint8Array, which Blazor hands to .NET as a stream (IJSStreamReference), in chunks.
export function read(id) {
  return new TextEncoder().encode(document.getElementById(id).value);
}

export async function copy(id) {
  const box = document.getElementById(id);
  try {
    await navigator.clipboard.writeText(box.value);
    return true;
  } catch {
    box.select();
    return false;
  }
}
