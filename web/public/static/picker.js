// Record picker (progressive enhancement of RecordPicker.tsx). Without this script the
// « Rechercher » button posts the form back and the page lists what was found; with it,
// the search box becomes a combobox (WAI-ARIA APG « combobox with listbox popup »):
// typing asks GET /api/picker/{kind}, arrows move through the options, Enter or a click
// chooses one and adds the same box the server would have rendered, ticked, so the
// server receives exactly what a no-JS choice would send.
;(function () {
  'use strict'
  if (!window.fetch || !window.observatoireCombobox) return
  var en = document.documentElement.lang === 'en'
  var TEXT = en
    ? {
        none: 'No results.',
        some: function (n) {
          return (
            n + ' result' + (n > 1 ? 's' : '') + ', up and down arrows to browse, Enter to choose.'
          )
        },
        chosen: function (title) {
          return title + ': chosen.'
        },
      }
    : {
        none: 'Aucun résultat.',
        some: function (n) {
          return (
            n +
            ' résultat' +
            (n > 1 ? 's' : '') +
            ', flèches haut et bas pour parcourir, Entrée pour choisir.'
          )
        },
        chosen: function (title) {
          return title + ' : choisi.'
        },
      }

  document.querySelectorAll('fieldset.picker').forEach(enhance)

  function enhance(picker) {
    var kind = picker.dataset.kind
    var name = picker.dataset.name
    var multiple = picker.dataset.multiple === 'true'
    var exclude = picker.dataset.exclude
    var input = picker.querySelector('.picker-search input[type="search"]')
    var button = picker.querySelector('.picker-search button')
    var chosenList = picker.querySelector('.picker-chosen')
    if (!input || !button || !chosenList) return
    // What the combobox says happened (a count, a choice), for screen readers.
    var status = document.createElement('p')
    status.className = 'visually-hidden'
    status.setAttribute('role', 'status')
    picker.appendChild(status)

    var listId = picker.id + '-options'
    var listbox = document.createElement('ul')
    listbox.id = listId
    listbox.className = 'picker-options'
    listbox.setAttribute('role', 'listbox')
    listbox.setAttribute('aria-label', picker.querySelector('legend').textContent)
    listbox.hidden = true
    input.parentNode.insertBefore(listbox, button.nextSibling)
    input.setAttribute('role', 'combobox')
    input.setAttribute('aria-autocomplete', 'list')
    input.setAttribute('aria-expanded', 'false')
    input.setAttribute('aria-controls', listId)

    var combobox = window.observatoireCombobox(input, listbox)
    var close = combobox.close
    var items = []
    var timer = 0
    var serial = 0

    function labelOf(item) {
      return item.title + (item.place ? ' — ' + item.place : '')
    }

    // The same box the server renders for a chosen record.
    function choose(item) {
      var existing = picker.querySelector('input[name="' + name + '"][value="' + item.id + '"]')
      if (existing && existing.closest('.picker-chosen')) {
        existing.checked = true
      } else {
        if (existing) existing.closest('.choice').remove()
        var div = document.createElement('div')
        div.className = 'choice'
        var box = document.createElement('input')
        box.type = multiple ? 'checkbox' : 'radio'
        box.name = name
        box.value = item.id
        box.id = picker.id + '-' + item.id.replace(/[^\w-]/g, '')
        box.checked = true
        var label = document.createElement('label')
        label.htmlFor = box.id
        label.textContent = item.title
        if (item.place) {
          var place = document.createElement('span')
          place.className = 'picker-place'
          place.textContent = ' — ' + item.place
          label.appendChild(place)
        }
        div.appendChild(box)
        div.appendChild(label)
        chosenList.appendChild(div)
      }
      input.value = ''
      close()
      status.textContent = TEXT.chosen(item.title)
    }

    function show(found) {
      var taken = {}
      chosenList.querySelectorAll('input:checked').forEach(function (box) {
        taken[box.value] = true
      })
      items = found.filter(function (item) {
        return !taken[item.id]
      })
      combobox.show(
        items.map(function (item, i) {
          var li = document.createElement('li')
          li.id = listId + '-' + i
          li.setAttribute('role', 'option')
          li.setAttribute('aria-selected', 'false')
          li.textContent = labelOf(item)
          li.addEventListener('mousedown', function (event) {
            event.preventDefault() // keep the focus in the box
            choose(item)
          })
          return li
        })
      )
      status.textContent = items.length ? TEXT.some(items.length) : TEXT.none
    }

    function lookup() {
      var q = input.value.trim()
      if (q.length < 2) {
        close()
        return
      }
      var mine = ++serial
      var url = '/api/picker/' + kind + '?q=' + encodeURIComponent(q)
      if (exclude) url += '&exclude=' + encodeURIComponent(exclude)
      fetch(url, { headers: { accept: 'application/json' } })
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
      // Arrows over an open list and Escape closing it are combobox.js's.
      if (event.defaultPrevented) return
      if (event.key === 'ArrowDown') {
        event.preventDefault()
        lookup()
      } else if (event.key === 'Enter') {
        // Enter in this box chooses or searches; it never submits the whole form.
        event.preventDefault()
        if (combobox.isOpen() && combobox.active >= 0) choose(items[combobox.active])
        else {
          clearTimeout(timer)
          lookup()
        }
      } else if (event.key === 'Escape') {
        input.value = ''
      }
    })
    // The button searches in place rather than posting the form back.
    button.addEventListener('click', function (event) {
      event.preventDefault()
      clearTimeout(timer)
      lookup()
      input.focus()
    })
  }
})()
