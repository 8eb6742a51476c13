// /rights/notice: where a rights holder tells us an article copies their work without permission
// (notice and takedown). The form posts to /api/rights/notices.
import type { Metadata } from "next";
import { NoticeForm } from "@/components/rights/notice-form";
import { NOTICE_ELEMENTS } from "@/lib/rights/notices/elements";
import { siteIdentity } from "@/lib/site/identity";

export const metadata: Metadata = {
  title: "Report a rights problem · 版权投诉",
  description: "Tell us that an article on this site copies your work without permission.",
};

export default async function RightsNoticePage() {
  const { title } = await siteIdentity();
  return (
    <article className="stack wide">
      <h1>
        Report a rights problem{" "}
        <span lang="zh-Hans" className="meta">
          版权投诉
        </span>
      </h1>
      <p>
        {title} reprints commentary with the permission of its rights holders. If an article here copies your
        work without permission, send us a notice. We acknowledge it by email with a case number.
      </p>
      <p lang="zh-Hans">
        本站转载的文章均已获得权利人授权。如您认为本站文章未经许可使用了您的作品，请填写以下通知。我们会通过电子邮件确认收到并告知案件编号。
      </p>
      <details>
        <summary>What a notice needs 通知须包含的内容</summary>
        <ol>
          {NOTICE_ELEMENTS.map((element) => (
            <li key={element.key}>{element.text[0]!.toUpperCase() + element.text.slice(1)}</li>
          ))}
        </ol>
      </details>
      <NoticeForm />
    </article>
  );
}
