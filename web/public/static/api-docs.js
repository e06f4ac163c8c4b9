// API reference enhancements: filter operations as you type, copy curl examples.
// The page is complete without this script; it only adds conveniences.
;(() => {
  const filterBox = document.querySelector('.filter')
  const input = document.getElementById('filter')
  const ops = Array.from(document.querySelectorAll('.op'))
  if (filterBox && input) {
    filterBox.hidden = false
    input.addEventListener('input', () => {
      const q = input.value.trim().toLowerCase()
      for (const op of ops) op.hidden = q !== '' && !op.dataset.search.includes(q)
      for (const section of document.querySelectorAll('.tag')) {
        section.hidden = !section.querySelector('.op:not([hidden])')
      }
    })
  }
  if (!navigator.clipboard) return
  for (const pre of document.querySelectorAll('pre.curl')) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'copy'
    button.textContent = 'Copier'
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(pre.textContent ?? '')
      button.textContent = 'Copié'
      setTimeout(() => (button.textContent = 'Copier'), 1500)
    })
    pre.after(button)
  }
})()
