/** The French (or English) 404 page, for unknown pages and unpublished experiments. */
import { useT } from '../i18n'
import { Layout } from './Layout'

export function NotFound({ title, text }: { title?: string; text?: string }) {
  const t = useT()
  return (
    <Layout title={title ?? t.notFound.title} noindex>
      <h1>{title ?? t.notFound.title}</h1>
      <p>{text ?? t.notFound.text}</p>
      <p>
        <a href="/">{t.experiment.backToSearch}</a>
      </p>
    </Layout>
  )
}
