import { Result, Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { LoginPage } from '../auth/LoginPage';
import { Shell } from './Shell';

/**
 * A page loaded with its route: each journey's code is its own chunk, so the first page (the queue, or the sign-in)
 * does not wait for the replay's, the registry's or the launch form's.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const QueuePage = page(() => import('../queue/QueuePage'), 'QueuePage');
const TaskPage = page(() => import('../tasks/TaskPage'), 'TaskPage');
const ProceduresPage = page(() => import('../procedures/ProceduresPage'), 'ProceduresPage');
const ProcedurePage = page(() => import('../procedures/ProcedurePage'), 'ProcedurePage');
const LaunchPage = page(() => import('../launch/LaunchPage'), 'LaunchPage');
const ProgressPage = page(() => import('../progress/ProgressPage'), 'ProgressPage');
const ReplayPage = page(() => import('../replay/ReplayPage'), 'ReplayPage');
const RegistryPage = page(() => import('../registry/RegistryPage'), 'RegistryPage');
const PersonPage = page(() => import('../registry/PersonPage'), 'PersonPage');
const DossierAccessPage = page(() => import('../audit/DossierAccessPage'), 'DossierAccessPage');

/** Signed-out visitors go to the sign-in page, which brings them back here afterwards. */
function RequireAuth() {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Shell />;
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('app.notFound')} />;
}

function Loading() {
  const { t } = useTranslation();
  return <Spin tip={t('app.loading')} style={{ display: 'block', margin: '48px auto' }} />;
}

/** Every route of the app; the API serves `index.html` for each, so a deep link opens in a new tab. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<Navigate to="/queue" replace />} />
          <Route path="/queue" element={<QueuePage />} />
          <Route path="/tasks/:taskId" element={<TaskPage />} />
          <Route path="/procedures" element={<ProceduresPage />} />
          <Route path="/procedures/:procedureId" element={<ProcedurePage />} />
          <Route path="/launch" element={<LaunchPage />} />
          <Route path="/progress" element={<ProgressPage />} />
          <Route path="/replay" element={<ReplayPage />} />
          <Route path="/replay/:procedureId" element={<ReplayPage />} />
          <Route path="/registry" element={<RegistryPage />} />
          <Route path="/registry/people/:personId" element={<PersonPage />} />
          <Route path="/audit/dossier-access" element={<DossierAccessPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
