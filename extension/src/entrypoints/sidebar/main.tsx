import '../../zod-jitless.ts';
import { mountSidebar } from '../../sidebar/mount.tsx';

const root = document.getElementById('root');
if (root) mountSidebar(root, window);
