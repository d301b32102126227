// OpsTower Connections: small enhancements only. Every page works without this script: the
// connection form then shows the fields of all authentication types, each under its own heading.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  showOnlyChosenAuthFields();
  enableCopyButtons();
  focusFirstInvalidField();
});

// Shows the inputs of the chosen authentication type; the others are hidden and disabled, so
// the browser does not submit them.
function showOnlyChosenAuthFields() {
  const select = document.getElementById("authType");
  if (!select) {
    return;
  }
  const sync = () => {
    document.querySelectorAll("[data-auth]").forEach((block) => {
      const chosen = block.dataset.auth === select.value;
      block.hidden = !chosen;
      block.querySelectorAll("input").forEach((input) => { input.disabled = !chosen; });
    });
  };
  select.addEventListener("change", sync);
  sync();
}

function enableCopyButtons() {
  document.querySelectorAll("[data-copy]").forEach((button) => {
    button.addEventListener("click", async () => {
      const field = document.getElementById(button.dataset.copy);
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
      } catch (notAllowed) {
        document.execCommand("copy");
      }
      button.textContent = "Copied";
    });
  });
}

// After a rejected submit (the page shows #form-errors or a field error), puts the keyboard on the
// first field marked invalid that can take it: not hidden with its authentication type, not
// disabled. Runs after showOnlyChosenAuthFields, which decides what is hidden.
function focusFirstInvalidField() {
  if (!document.getElementById("form-errors") && !document.querySelector(".field-error")) {
    return;
  }
  const field = Array.from(document.querySelectorAll("[aria-invalid=true]")).find(
    (candidate) => !candidate.disabled && candidate.getClientRects().length > 0);
  if (field) {
    field.focus();
  }
}
