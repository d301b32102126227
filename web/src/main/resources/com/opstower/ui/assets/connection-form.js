// Connection form: Test Connection runs in place, so everything typed (secrets included) stays in
// the form for Save; and the description shows how many of its characters are used.
// Without script the same buttons post the form and the server keeps a typed secret for Save.
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  function replaceSlot(slot, fresh) {
    slot.replaceChildren();
    if (fresh) {
      slot.appendChild(document.importNode(fresh, true));
    }
  }

  function runTestInPlace(form, button) {
    var slot = document.getElementById("test-result-slot");
    var errors = document.getElementById("form-errors");
    var url = button.getAttribute("formaction") || button.formAction;
    var body = new URLSearchParams(new FormData(form));
    button.setAttribute("aria-busy", "true");
    button.disabled = true;
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: {"X-OpsTower-Inline": "1"}
    }).then(function (response) {
      if (response.type === "opaqueredirect" || response.status === 0) {
        // the session ended: a normal submit leads to the sign-in page
        throw new Error("redirected");
      }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var result = page.getElementById("test-result");
      var freshErrors = page.getElementById("form-errors");
      if (slot) {
        replaceSlot(slot, result);
      }
      if (errors) {
        errors.remove();
      }
      if (freshErrors && slot) {
        slot.parentNode.insertBefore(document.importNode(freshErrors, true), slot);
      }
      markInvalidFields(form, page);
      var focusTarget = document.getElementById("test-result") || document.getElementById("form-errors");
      if (focusTarget) {
        focusTarget.setAttribute("tabindex", "-1");
        focusTarget.focus();
      }
    }).catch(function () {
      form.requestSubmit(button);
    }).finally(function () {
      button.removeAttribute("aria-busy");
      button.disabled = false;
      if (slot) {
        // how many tests this page ran in place: lets a browser test wait for the answer
        slot.dataset.runs = String(parseInt(slot.dataset.runs || "0", 10) + 1);
      }
    });
  }

  // The server's verdict on each field, copied without touching what was typed.
  function markInvalidFields(form, page) {
    form.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
    });
    form.querySelectorAll(".field-error").forEach(function (error) {
      error.remove();
    });
    page.querySelectorAll(".field-error").forEach(function (error) {
      var field = error.id.replace(/^error-/, "");
      var inputName = field.replace(/^auth\./, "");
      var input = form.querySelector("[name='" + inputName.replace(/'/g, "") + "']");
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", error.id);
        var label = input.closest("label");
        (label || input).insertAdjacentElement("afterend", document.importNode(error, true));
      }
    });
  }

  function counter(textarea, output) {
    var max = parseInt(textarea.getAttribute("maxlength"), 10);
    function update() {
      output.textContent = textarea.value.length + " / " + max + " characters";
    }
    textarea.addEventListener("input", update);
    update();
  }

  // Copy buttons next to a tool definition: the JSON to the clipboard, and a word that it worked.
  function copyButtons() {
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy-target"));
        if (!source || !navigator.clipboard) {
          return;
        }
        navigator.clipboard.writeText(source.textContent).then(function () {
          button.textContent = "Copied";
        }, function () {
          button.textContent = "Select the text to copy";
        });
      });
    });
  }

  // Read-only ticks GET alone and locks the other methods; unticking it gives them back as they
  // were. Without script the server reads Read-only as GET alone too.
  function readOnlySwitch() {
    var toggle = document.getElementById("read-only");
    if (!toggle) {
      return;
    }
    var others = Array.prototype.filter.call(
      document.querySelectorAll("#methods input[name=methods]"),
      function (box) { return box.value !== "GET"; });
    var get = document.getElementById("method-GET");
    var before = {};
    function apply() {
      others.forEach(function (box) {
        if (toggle.checked) {
          before[box.value] = box.checked;
          box.checked = false;
        } else if (box.value in before) {
          box.checked = before[box.value];
        }
        box.disabled = toggle.checked;
      });
      if (toggle.checked && get) {
        get.checked = true;
      }
      if (get) {
        get.disabled = toggle.checked;
      }
    }
    toggle.addEventListener("change", apply);
    if (toggle.checked) {
      apply();
    }
  }

  ready(function () {
    copyButtons();
    readOnlySwitch();
    var form = document.getElementById("connection-form");
    var button = document.getElementById("test-connection");
    if (form && button && window.fetch && window.DOMParser && window.URLSearchParams) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        runTestInPlace(form, button);
      });
    }
    var description = document.getElementById("description");
    var count = document.getElementById("description-count");
    if (description && count) {
      counter(description, count);
    }
  });
})();
