import { NotFoundNotice } from "@/components/site/not-found-notice";

// A public page's notFound(): shown inside app/(site)/layout.tsx, which brings the frame.
export default function NotFound() {
  return <NotFoundNotice />;
}
