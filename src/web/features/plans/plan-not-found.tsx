import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function PlanNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('plan.notFoundDocumentTitle')}</title>
      <h1>{t('plan.notFoundHeading')}</h1>
      <p>{t('plan.notFoundBody')}</p>
      <p>
        <Link to="/plans">{t('plans.backToList')}</Link>
      </p>
    </>
  );
}
