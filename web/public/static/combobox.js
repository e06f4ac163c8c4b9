// What the forms' comboboxes share (territory autocomplete, record picker), after the
// WAI-ARIA APG « combobox with listbox popup »: the focus stays in the box, the arrows
// move aria-activedescendant over the open list, Escape and leaving the box close it.
// Each script adds what its Enter and typing do.
;(function () {
  'use strict'
  window.observatoireCombobox = function (input, listbox) {
    var box = { options: [], active: -1 }

    box.close = function () {
      listbox.hidden = true
      input.setAttribute('aria-expanded', 'false')
      input.removeAttribute('aria-activedescendant')
      box.active = -1
    }

    box.isOpen = function () {
      return !listbox.hidden && box.options.length > 0
    }

    box.highlight = function (index) {
      box.options.forEach(function (el, i) {
        el.setAttribute('aria-selected', i === index ? 'true' : 'false')
      })
      box.active = index
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', box.options[index].id)
        box.options[index].scrollIntoView({ block: 'nearest' })
      } else input.removeAttribute('aria-activedescendant')
    }

    /** Shows these option elements (an empty list closes the box). */
    box.show = function (options) {
      listbox.textContent = ''
      options.forEach(function (li) {
        listbox.appendChild(li)
      })
      box.options = options
      box.active = -1
      listbox.hidden = options.length === 0
      input.setAttribute('aria-expanded', options.length > 0 ? 'true' : 'false')
      input.removeAttribute('aria-activedescendant')
    }

    input.addEventListener('keydown', function (event) {
      if (!box.isOpen()) return
      if (event.key === 'ArrowDown') {
        event.preventDefault()
        box.highlight((box.active + 1) % box.options.length)
      } else if (event.key === 'ArrowUp') {
        event.preventDefault()
        box.highlight(box.active <= 0 ? box.options.length - 1 : box.active - 1)
      } else if (event.key === 'Escape') {
        event.stopImmediatePropagation()
        box.close()
      }
    })
    input.addEventListener('blur', function () {
      setTimeout(box.close, 150)
    })
    return box
  }
})()
