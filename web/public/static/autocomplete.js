// Territory autocomplete for the submission form (progressive enhancement).
// Without this script the form keeps a plain "codes" text field; with it, a combobox
// (ARIA 1.2 pattern, keys and state in combobox.js) searches GET /api/territories and writes the chosen codes into
// that same field, so the server sees exactly what a no-JS submission would send.
;(function () {
  'use strict'
  // After a failed submission, take keyboard and screen-reader users to the error list.
  var summary = document.getElementById('erreurs')
  if (summary) summary.focus()

  var field = document.getElementById('f-territories')
  var template = document.getElementById('territory-search-template')
  if (!field || !template || !window.fetch || !window.observatoireCombobox) return

  var en = document.documentElement.lang === 'en'
  var KINDS = en
    ? { com: 'Municipality', epci: 'Inter-municipality', dep: 'Département', reg: 'Region' }
    : { com: 'Commune', epci: 'Intercommunalité', dep: 'Département', reg: 'Région' }

  var wrapper = field.closest('.field')
  wrapper.parentNode.insertBefore(template.content.cloneNode(true), wrapper)
  var input = document.getElementById('f-territory-search')
  var listbox = document.getElementById('f-territory-options')
  var status = document.getElementById('f-territory-status')
  var chips = document.querySelector('.territory-chips')
  var names = {}
  var combobox = window.observatoireCombobox(input, listbox)
  var close = combobox.close
  var timer = 0
  var serial = 0

  // Names the server already recognised, so chips read "Rennes (com:35238)".
  var known = wrapper.querySelector('.territory-names')
  if (known) {
    known.querySelectorAll('li[data-code]').forEach(function (li) {
      names[li.getAttribute('data-code')] = li.getAttribute('data-name')
    })
    known.hidden = true
  }

  // The field's entries, split as the server does: on commas, and an entry made only of
  // codes also on spaces; a typed name ("Saint-Denis (La Réunion)") stays whole.
  function codes() {
    var entries = []
    field.value.split(/[,;\n]/).forEach(function (entry) {
      var words = entry.trim().split(/\s+/).filter(Boolean)
      var allCodes = words.every(function (w) {
        return /^(com|epci|dep|reg):\S+$/.test(w)
      })
      if (allCodes) entries.push.apply(entries, words)
      else entries.push(words.join(' '))
    })
    return entries
  }

  function renderChips() {
    chips.textContent = ''
    codes().forEach(function (code) {
      var li = document.createElement('li')
      li.textContent = (names[code] ? names[code] + ' ' : '') + '(' + code + ') '
      var remove = document.createElement('button')
      remove.type = 'button'
      remove.textContent = '×'
      remove.setAttribute(
        'aria-label',
        chips.getAttribute('data-remove') + ' ' + (names[code] || code)
      )
      remove.addEventListener('click', function () {
        field.value = codes()
          .filter(function (c) {
            return c !== code
          })
          .join(', ')
        renderChips()
        input.focus()
      })
      li.appendChild(remove)
      chips.appendChild(li)
    })
  }

  function choose(item) {
    names[item.code] = item.name
    var list = codes()
    if (list.indexOf(item.code) < 0) list.push(item.code)
    field.value = list.join(', ')
    input.value = ''
    close()
    renderChips()
    status.textContent = item.name + ' (' + item.code + ') ✓'
  }

  function show(items) {
    combobox.show(
      items.map(function (item, i) {
        var li = document.createElement('li')
        li.id = 'f-territory-option-' + i
        li.setAttribute('role', 'option')
        li.setAttribute('aria-selected', 'false')
        var detail = KINDS[item.kind] + (item.department ? ', ' + item.department : '')
        li.textContent = item.name + ' — ' + detail + ' (' + item.code + ')'
        li.addEventListener('mousedown', function (event) {
          event.preventDefault() // keep focus in the input
          choose(item)
        })
        return li
      })
    )
    status.textContent = items.length
      ? items.length + ' ' + status.getAttribute('data-some')
      : status.getAttribute('data-none')
    show.items = items
  }

  function lookup() {
    var q = input.value.trim()
    if (q.length < 2) {
      close()
      return
    }
    var mine = ++serial
    fetch('/api/territories?limit=8&q=' + encodeURIComponent(q), {
      headers: { accept: 'application/json' },
    })
      .then(function (res) {
        return res.ok ? res.json() : { items: [] }
      })
      .then(function (body) {
        if (mine === serial) show(body.items || [])
      })
      .catch(function () {
        close()
      })
  }

  input.addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(lookup, 200)
  })
  input.addEventListener('keydown', function (event) {
    // Enter in this box picks a territory; it must never submit the whole form.
    if (event.key !== 'Enter') return
    event.preventDefault()
    if (combobox.isOpen()) choose(show.items[combobox.active >= 0 ? combobox.active : 0])
  })
  field.addEventListener('change', renderChips)
  renderChips()
})()
