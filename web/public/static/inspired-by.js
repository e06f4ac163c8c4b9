// « Inspirée de » picker of the edit form (progressive enhancement). Without this script
// the « Rechercher » button posts the form back and the page lists what was found; with
// it, the same search runs in place through GET /api/search and adds the same checkboxes,
// so the server receives exactly what a no-JS edit would send.
;(function () {
  'use strict'
  var picker = document.querySelector('.inspired-by')
  if (!picker || !window.fetch) return
  var input = picker.querySelector('#f-inspiredBySearch')
  var button = picker.querySelector('button[value="inspired-search"]')
  var results = picker.querySelector('.inspired-found')
  var selfId = picker.dataset.self
  var serial = 0

  function chosenIds() {
    var ids = {}
    picker.querySelectorAll('input[name="inspiredBy"]:checked').forEach(function (box) {
      ids[box.value] = true
    })
    return ids
  }

  function checkbox(hit) {
    var div = document.createElement('div')
    div.className = 'choice'
    var box = document.createElement('input')
    box.type = 'checkbox'
    box.name = 'inspiredBy'
    box.value = hit.id
    box.id = 'f-inspiredBy-' + hit.id
    var label = document.createElement('label')
    label.htmlFor = box.id
    label.textContent = hit.title
    div.appendChild(box)
    div.appendChild(label)
    return div
  }

  function search(event) {
    event.preventDefault()
    var query = input.value.trim()
    if (!query) return
    var mine = ++serial
    fetch('/api/search?hitsPerPage=10&q=' + encodeURIComponent(query), {
      headers: { accept: 'application/json' },
    })
      .then(function (res) {
        return res.ok ? res.json() : { hits: [] }
      })
      .then(function (body) {
        if (mine !== serial) return
        var chosen = chosenIds()
        var hits = body.hits.filter(function (hit) {
          return !chosen[hit.id] && hit.id !== selfId
        })
        results.textContent = ''
        var p = document.createElement('p')
        var template = hits.length ? results.dataset.some : results.dataset.none
        p.textContent = template.replace('%s', query)
        results.appendChild(p)
        hits.forEach(function (hit) {
          results.appendChild(checkbox(hit))
        })
      })
      .catch(function () {
        // Network trouble: fall back to the no-JS round trip.
        button.removeEventListener('click', search)
        button.click()
      })
  }

  button.addEventListener('click', search)
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') search(event)
  })
})()
