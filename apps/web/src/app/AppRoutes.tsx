import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { LoginPage } from '../auth/LoginPage';
import { LaunchPage } from '../launch/LaunchPage';
import { ProcedurePage } from '../procedures/ProcedurePage';
import { ProceduresPage } from '../procedures/ProceduresPage';
import { ProgressPage } from '../progress/ProgressPage';
import { QueuePage } from '../queue/QueuePage';
import { PersonPage } from '../registry/PersonPage';
import { RegistryPage } from '../registry/RegistryPage';
import { ReplayPage } from '../replay/ReplayPage';
import { TaskPage } from '../tasks/TaskPage';
import { Shell } from './Shell';

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

/** Every route of the app; the API serves `index.html` for each, so a deep link opens in a new tab. */
export function AppRoutes() {
  return (
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
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
