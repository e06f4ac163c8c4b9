// Name suggestions for the territory fields of /comparer (progressive enhancement).
// Without this script the fields still accept a code (reg:53, dep:35) or a name, which the
// server resolves. With it, typing fills the shared <datalist> with matching régions and
// départements from GET /api/territories, as "Bretagne (reg:53)": the server reads the
// code in brackets, so a suggestion always means exactly that territory.
;(function () {
  'use strict'
  var summary = document.getElementById('erreurs')
  if (summary) summary.focus()

  var list = document.getElementById('territoires-suggestions')
  var inputs = document.querySelectorAll('input[data-territory-input]')
  if (!list || !inputs.length || !window.fetch) return

  var timer = 0
  var serial = 0

  function suggest(text) {
    var mine = ++serial
    var url =
      '/api/territories?kind=reg&kind=dep&limit=8&q=' + encodeURIComponent(text.slice(0, 100))
    fetch(url, { headers: { accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : { items: [] }
      })
      .then(function (body) {
        if (mine !== serial) return // a later keystroke already asked again
        list.textContent = ''
        body.items.forEach(function (t) {
          var option = document.createElement('option')
          option.value = t.name + ' (' + t.code + ')'
          list.appendChild(option)
        })
      })
      .catch(function () {
        // Suggestions are a convenience: the plain field still works.
      })
  }

  inputs.forEach(function (input) {
    input.addEventListener('input', function () {
      var text = input.value.trim()
      clearTimeout(timer)
      // A value already in "Name (code)" form was picked from the list: nothing to fetch.
      if (text.length < 2 || /\((reg|dep):[0-9AB]{2,3}\)$/.test(text)) return
      timer = setTimeout(function () {
        suggest(text)
      }, 200)
    })
  })
})()
